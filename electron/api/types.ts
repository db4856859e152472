import type { z } from 'zod';
import type { Channel, Contract, Output } from '../../shared/api';
import type { Register } from '../store/open';

/**
 * Channels whose work Node offers only asynchronously (exceljs writing a workbook, Electron printing,
 * opening a register, reading the demo files):
 * their handler may return a promise, and `invoke` then answers with one. All others stay synchronous.
 */
export type AsyncChannel =
  | 'report:export'
  | 'report:print'
  | 'arsrapport:export'
  | 'arsrapport:print'
  | 'register:create'
  | 'register:open'
  | 'register:openRecent'
  | 'register:openDemo'
  | 'import:open'
  | 'import:commit'
  | 'grid:export';

/** A handler gets the open register and the input already validated by the contract. */
export type Handler<C extends Channel> = (
  reg: Register,
  input: z.output<Contract[C]['input']>,
) => [C] extends [AsyncChannel] ? Output<C> | Promise<Output<C>> : Output<C>;

export type HandlerMap = { [C in Channel]: Handler<C> };
