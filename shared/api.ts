/**
 * The API contract: every channel the renderer (or the CLI, or a test) may call, with a zod schema
 * for its input and its result. The Electron main process, the test bridge and the CLI all go
 * through the same handler map, which validates every input against this table first.
 * Each feature keeps its channels in `contract/<feature>.ts`; this file only merges them. Every
 * channel also says what it does (writes, undoable, async, returnsNames: contract/channel.ts).
 */
import type { z } from 'zod';
import { appChannels } from './contract/app';
import { arsrapportChannels } from './contract/arsrapport';
import type { ChannelTable } from './contract/channel';
import { codeChannels } from './contract/codes';
import { deltakerChannels } from './contract/deltaker';
import { gridChannels } from './contract/grid';
import { historyChannels } from './contract/history';
import { importChannels } from './contract/import';
import { kullChannels } from './contract/kull';
import { lookupChannels } from './contract/lookup';
import { oppfolgingChannels } from './contract/oppfolging';
import { privacyChannels } from './contract/privacy';
import { registerChannels } from './contract/register';
import { reportChannels } from './contract/report';
import { safetyChannels } from './contract/safety';
import { samleChannels } from './contract/samlerapport';
import type { MenuCommand } from './menu';

export { type KullFilter, kullFilter } from './contract/deltaker';

export const contract = {
  ...registerChannels,
  ...kullChannels,
  ...deltakerChannels,
  ...lookupChannels,
  ...codeChannels,
  ...safetyChannels,
  ...historyChannels,
  ...privacyChannels,
  ...reportChannels,
  ...samleChannels,
  ...appChannels,
  ...importChannels,
  ...gridChannels,
  ...oppfolgingChannels,
  ...arsrapportChannels,
} as const satisfies ChannelTable;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.infer<Contract[C]['result']>;

export type ApiError = { code: string; message: string; field?: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload (and the test bridge) put on `window.kullregister`. */
export type Bridge = {
  invoke: <C extends Channel>(channel: C, input: Input<C>) => Promise<Result<Output<C>>>;
  /**
   * Menu commands from the main process (a fixed list, shared/menu.ts); returns the unsubscribe.
   * Absent in the end-to-end bridge unless a test adds it.
   */
  onMenu?: (callback: (command: MenuCommand) => void) => () => void;
};
