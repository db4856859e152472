/**
 * The Samlerapport screen's channels (samlerapport.md): the koordinator gives the tiltak's report
 * files (chosen in the system's dialog, or dropped on the window and sent as their bytes: the page
 * has no paths), picks the period, sees the merged form, saves or prints it. They work with no
 * register open and never touch an open register; the files given are kept in the main process
 * until removed. The koordinator's settings (the kommune's name, the expected tiltak) are the app's
 * on this machine, not any register's.
 */
import { z } from 'zod';
import { isoDate } from '../schema/common';
import type { ChannelTable } from './channel';

const loadedFile = z.object({
  id: z.string(),
  /** The file's name only, never its folder. */
  name: z.string(),
  ok: z.boolean(),
  tiltak: z.string().nullable(),
  madeAt: z.string().nullable(),
  periods: z.array(z.object({ from: isoDate, to: isoDate })),
  /** Why the file was refused when it was read; null for a report file. Never its content. */
  reason: z.string().nullable(),
});
export type LoadedFile = z.infer<typeof loadedFile>;

export const samleSettings = z.object({
  /** The total's name: «<kommune> totalt». Blank: «Kommunen totalt». */
  kommune: z.string().max(200),
  /** The tiltak expected to send a file each period (for «Hvem mangler»). */
  forventet: z.array(z.string().max(200)).max(500),
});
export type SamleSettings = z.infer<typeof samleSettings>;

export const samleState = z.object({
  files: z.array(loadedFile),
  /** Every period the files hold, most files first, then the latest. */
  periods: z.array(z.object({ from: isoDate, to: isoDate, files: z.number().int() })),
  settings: samleSettings,
});
export type SamleState = z.infer<typeof samleState>;

const period = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: 'Fra-datoen kan ikke være etter til-datoen.', path: ['to'] });

/** At most this much in one drop: a month's file is a few kB, an XLSX some tens. */
export const MAX_DROP_BYTES = 25 * 1024 * 1024;

const dropped = z.object({
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(255),
        /** The file's bytes, base64. */
        data: z.string().max(Math.ceil(MAX_DROP_BYTES / 3) * 4),
      }),
    )
    .min(1, { message: 'Slipp minst én fil.' })
    .max(500, { message: 'Slipp høyst 500 filer om gangen.' }),
});

export const SAMLE_EXPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type SamleExportFormat = (typeof SAMLE_EXPORT_FORMATS)[number];

const summary = z.object({
  tiltak: z.array(z.object({ tiltak: z.string(), avdeling: z.string(), file: z.string(), madeAt: z.string() })),
  missing: z.array(z.string()),
  refused: z.array(z.object({ file: z.string(), reason: z.string() })),
  replaced: z.array(z.string()),
  /** Per tiltak, how many breaks of the data-quality rules: who must fix data first, most first. */
  quality: z.array(z.object({ tiltak: z.string(), count: z.number().int(), rules: z.number().int() })),
  wide: z.boolean(),
});
export type SamleSummary = z.infer<typeof summary>;

const NO_REGISTER = { writes: false, undoable: false, returnsNames: false } as const;

export const samleChannels = {
  /** The files given so far, the periods they hold, and the koordinator's settings. */
  'samle:state': { ...NO_REGISTER, async: false, input: z.object({}), result: samleState },
  /** Choose report files, or a folder of them, in the system's dialog; they are read and added. */
  'samle:choose': { ...NO_REGISTER, async: true, input: z.object({ folder: z.boolean() }), result: samleState },
  /** Files dropped on the window, sent as their bytes; read and added. */
  'samle:drop': { ...NO_REGISTER, async: true, input: dropped, result: samleState },
  /** Take one file out again. */
  'samle:remove': { ...NO_REGISTER, async: false, input: z.object({ id: z.string() }), result: samleState },
  /** Take every file out. */
  'samle:clear': { ...NO_REGISTER, async: false, input: z.object({}), result: samleState },
  /** Save the kommune's name and the expected tiltak (the app's settings on this machine). */
  'samle:settings': { ...NO_REGISTER, async: false, input: samleSettings, result: samleState },
  /** The merged form for the period: the HTML the screen shows and the printer prints, and the lists beside it. */
  'samle:view': {
    ...NO_REGISTER,
    async: false,
    input: period,
    result: z.object({ html: z.string(), title: z.string(), fileName: z.string(), summary }),
  },
  /** Save the samlerapport as PDF, Excel, CSV or JSON (the app asks where). */
  'samle:export': {
    ...NO_REGISTER,
    async: true,
    input: z
      .object({
        from: isoDate,
        to: isoDate,
        format: z.enum(SAMLE_EXPORT_FORMATS),
        path: z.string().min(1).optional(),
      })
      .refine((p) => p.from <= p.to, { message: 'Fra-datoen kan ikke være etter til-datoen.', path: ['to'] }),
    result: z.object({ saved: z.boolean(), path: z.string().nullable(), bytes: z.number().int() }),
  },
  /** Open the printer dialog for the samlerapport the screen shows (only in the app). */
  'samle:print': { ...NO_REGISTER, async: true, input: z.object({}), result: z.object({ printed: z.boolean() }) },
} as const satisfies ChannelTable;

export type SamleChannel = keyof typeof samleChannels;
