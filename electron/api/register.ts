import { SCHEMA_VERSION } from '../store/migrations';
import { getSettings, updateSettings } from '../store/settings';
import type { HandlerMap } from './types';

export const registerHandlers = {
  'register:info': (reg) => ({ path: reg.path, schemaVersion: SCHEMA_VERSION, readOnly: reg.readOnly }),
  'settings:get': (reg) => getSettings(reg),
  'settings:update': (reg, changes) => updateSettings(reg, changes),
} satisfies Partial<HandlerMap>;
