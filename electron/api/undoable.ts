/**
 * The one place undo steps are recorded (like Actual Budget's `undoable(handler)`): a channel whose
 * contract entry names an undo stack has its handler wrapped here, and every row of that grid's
 * table the handler changed becomes one step of the grid's history (store/undo.ts). The handler
 * itself only writes. The type of the handler map lets an undoable channel take nothing else.
 */
import type { z } from 'zod';
import { type Channel, type Contract, contract, type Output } from '../../shared/api';
import type { GridTable } from '../../shared/contract/grid';
import type { Register } from '../store/connection';
import { recordingStep } from '../store/undo';
import type { Handler, UndoableChannel, UndoableHandler } from './types';

type Validated<C extends Channel> = z.output<Contract[C]['input']>;

/**
 * Wraps a handler so that each call is one undo step named by `label` (what the grid's undo button
 * says: «Endre fødselsår», «Lim inn i 4 rader»). An answer with a `step` field is told the step's
 * id (null when nothing changed).
 */
export function undoable<C extends UndoableChannel>(
  channel: C,
  label: (input: Validated<C>, value: Output<C>) => string,
  handler: Handler<C>,
): UndoableHandler<C> {
  const stack = contract[channel].undoable;
  const wrapped = (reg: Register, input: Validated<C>) => {
    const table: GridTable = stack === 'table' ? (input as { table: GridTable }).table : stack;
    const { value, step } = recordingStep(
      reg,
      table,
      () => handler(reg, input) as Output<C>,
      (value) => label(input, value),
    );
    return value !== null && typeof value === 'object' && 'step' in value ? { ...value, step } : value;
  };
  return wrapped as unknown as UndoableHandler<C>;
}
