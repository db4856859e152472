import type { z } from 'zod';
import type { Channel, Contract, Output } from '../../shared/api';
import type { Register } from '../store/connection';

/**
 * Channels whose contract entry says `async: true` (exceljs writing a workbook, Electron printing,
 * opening a register, reading the demo files): their handler may return a promise, and `invoke`
 * then answers with one. All others stay synchronous.
 */
export type AsyncChannel = { [C in Channel]: Contract[C]['async'] extends true ? C : never }[Channel];

/** Channels whose every call is one step of a grid's undo history (the contract's `undoable`). */
export type UndoableChannel = { [C in Channel]: Contract[C]['undoable'] extends false ? never : C }[Channel];

/** A handler gets the open register and the input already validated by the contract. */
export type Handler<C extends Channel> = (
  reg: Register,
  input: z.output<Contract[C]['input']>,
) => [C] extends [AsyncChannel] ? Output<C> | Promise<Output<C>> : Output<C>;

declare const recordsUndoStep: unique symbol;

/** A handler made by `undoable()` (api/undoable.ts): only such a handler fits an undoable channel. */
export type UndoableHandler<C extends Channel> = Handler<C> & { readonly [recordsUndoStep]: true };

export type HandlerMap = {
  [C in Channel]: C extends UndoableChannel ? UndoableHandler<C> : Handler<C>;
};
