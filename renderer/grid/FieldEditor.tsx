/**
 * The one cell editor of both grids: a text box that reads exactly what the user typed through
 * parseFieldInput (via `validate`), with an optional suggestion list for code fields, the editable
 * lists and kull. A text that cannot be stored does not hold the editor open (the grid's
 * invalidEditValueMode 'revert'): Tab, Enter or a click move on, and the editor, closing, leaves the
 * text red in its cell with the reason (a CellIssue), as a refused paste does. Esc gives the stored
 * value back.
 */
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useGridCellEditor } from 'ag-grid-react';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Bubble } from '../ui/Bubble';
import type { CellIssues } from './cellIssues';

export type EditorOption = {
  /** What goes into the text box when picked (a label, a list value, a kull name). */
  text: string;
  /** Shown muted beside the text, e.g. the code. */
  hint?: string;
};

export type FieldEditorParams = {
  /** The Norwegian reason the text cannot be stored, or null when it can. */
  validate: (text: string, rowId: string) => string | null;
  /** Suggestions; a closed code list also picks its best match as you type. */
  options?: () => readonly EditorOption[];
  closedList?: boolean;
  placeholder?: string;
  issues: CellIssues;
  /** The editor closed leaving a refused text in its cell (for the status line). */
  onRefused?: (message: string, rowId: string) => void;
};

type Props = CustomCellEditorProps & FieldEditorParams;

export function FieldEditor(props: Props) {
  const { validate, options, closedList = false, placeholder, issues, node, column, onValueChange } = props;
  const { onRefused } = props;
  const rowId = node.id ?? '';
  const colId = column.getColId();

  // What the editor opened with; fixed for its life.
  const [start] = useState(() => initialText(props, issues.get(rowId, colId)?.text));
  const [text, setText] = useState(start.text);
  const textRef = useRef(text);
  const [attempted, setAttempted] = useState(start.fromIssue);
  const [typed, setTyped] = useState(start.typed);
  const [open, setOpen] = useState(options !== undefined);
  const [active, setActive] = useState(-1);
  const cancelled = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const { api } = props;
  const latest = useRef({ validate, issues, rowId, colId, onRefused, api, node });
  latest.current = { validate, issues, rowId, colId, onRefused, api, node };

  const change = (next: string) => {
    textRef.current = next;
    setText(next);
    onValueChange(next);
  };

  // The grid reads the editor's value: make it the text from the first moment, not the stored value.
  useLayoutEffect(() => onValueChange(start.text), [onValueChange, start]);

  // Focus before the browser paints: keys typed right after the editor opened must land in it.
  const focusInput = useCallback(() => {
    const input = inputRef.current;
    if (!input || document.activeElement === input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, []);
  useLayoutEffect(() => focusInput(), [focusInput]);

  // The grid sometimes focuses the cell itself just after the editor attached (a new row, a React
  // turn late). Keys typed then would go nowhere: while the editor is open and not being left, the
  // focus belongs in the text box.
  const leaving = useRef(false);
  const cellElement = props.eGridCell;
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      if (event.target === cellElement && !leaving.current && !cancelled.current) focusInput();
    };
    cellElement.addEventListener('focusin', onFocusIn);
    return () => cellElement.removeEventListener('focusin', onFocusIn);
  }, [cellElement, focusInput]);

  useGridCellEditor({
    getValidationErrors: () => {
      const message = validate(textRef.current, rowId);
      return message ? [message] : null;
    },
    // The grid may focus the cell itself once the editor attaches, then hands the focus on here.
    focusIn: focusInput,
  });

  // Closed with a text that cannot be stored (Tab, Enter, a click elsewhere, the screen going away):
  // the text stays in the cell, red, with the reason — stored nowhere, shown until fixed or given up
  // with Esc. Esc itself gives it up.
  useEffect(
    () => () => {
      const { validate, issues, rowId, colId, onRefused, api, node } = latest.current;
      if (cancelled.current) {
        issues.clear(rowId, colId);
        return;
      }
      const message = validate(textRef.current, rowId);
      if (!message) return;
      const known = issues.get(rowId, colId);
      if (known?.text === textRef.current && known.message === message) return;
      issues.set({ rowId, colId, text: textRef.current, message });
      onRefused?.(message, rowId);
      // The grid is closing the editor now: the cell shows the red text once it has.
      setTimeout(() => {
        if (!api.isDestroyed()) api.refreshCells({ rowNodes: [node], columns: [colId], force: true });
      }, 0);
    },
    [],
  );

  const all = options?.() ?? [];
  const shown = typed ? filterOptions(all, text) : all;
  // In a closed list the best match is taken on Enter/Tab; an open list keeps exactly what was typed.
  const bestMatch = closedList && typed && text.trim() !== '' && shown.length > 0 ? 0 : -1;
  const highlighted = active >= 0 && active < shown.length ? active : bestMatch;

  const pick = (option: EditorOption) => {
    change(option.text);
    setTyped(false);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const key = event.key;
    if (options && (key === 'ArrowDown' || key === 'ArrowUp')) {
      event.preventDefault();
      event.stopPropagation();
      if (!open) {
        setOpen(true);
        return;
      }
      if (shown.length === 0) return;
      setActive(key === 'ArrowDown' ? Math.min(shown.length - 1, highlighted + 1) : Math.max(0, highlighted - 1));
      return;
    }
    if (key === 'Enter' || key === 'Tab') {
      const option = open ? shown[highlighted] : undefined;
      if (option) pick(option);
      setAttempted(true);
      // The grid commits and moves on; a refused text is left in the cell (the cleanup above).
      leaving.current = true;
      setTimeout(() => {
        leaving.current = false;
      }, 0);
      return;
    }
    if (key === 'Escape') {
      if (open && options && shown.length > 0 && typed) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        return;
      }
      cancelled.current = true;
    }
  };

  // A native listener on the input itself: it runs before the grid's own key handling on the cell
  // (React's handlers run later, at the root), so a picked suggestion is in place before the grid commits.
  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    input.addEventListener('keydown', listener);
    return () => input.removeEventListener('keydown', listener);
  }, []);

  // The reason stands beside the open editor (the status line has it from when the text was left).
  const error = attempted ? validate(text, rowId) : null;
  const anchor = useCallback(() => inputRef.current?.closest<HTMLElement>('.ag-cell') ?? null, []);
  const listShown = options !== undefined && open && shown.length > 0;
  const combobox = options
    ? {
        role: 'combobox',
        'aria-autocomplete': 'list' as const,
        'aria-expanded': listShown,
        ...(listShown ? { 'aria-controls': listId } : {}),
        ...(listShown && highlighted >= 0 ? { 'aria-activedescendant': `${listId}-${highlighted}` } : {}),
      }
    : {};

  return (
    <div className={`field-editor${error ? ' field-editor-invalid' : ''}`}>
      <input
        ref={inputRef}
        className="field-editor-input"
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-label={column.getColDef().headerName}
        aria-invalid={error ? true : undefined}
        {...combobox}
        onChange={(event) => {
          change(event.target.value);
          setTyped(true);
          setOpen(options !== undefined);
          setActive(-1);
        }}
        onBlur={() => {
          // Leaving an open editor for the toolbar or a dialog: show why the text cannot be stored.
          if (validate(textRef.current, rowId)) setAttempted(true);
        }}
      />
      {listShown && (
        <OptionList
          id={listId}
          anchor={anchor}
          options={shown}
          highlighted={highlighted}
          onPick={pick}
          onCommit={() => props.stopEditing()}
        />
      )}
      {error && <Bubble anchor={anchor} message={error} />}
    </div>
  );
}

function OptionList(props: {
  id: string;
  anchor: () => HTMLElement | null;
  options: readonly EditorOption[];
  highlighted: number;
  onPick: (option: EditorOption) => void;
  onCommit: () => void;
}) {
  const { id, anchor, options, highlighted, onPick, onCommit } = props;
  const cell = anchor();
  if (!cell) return null;
  const rect = cell.getBoundingClientRect();
  const below = window.innerHeight - rect.bottom > 220;
  return createPortal(
    <div
      id={id}
      role="listbox"
      className="option-list"
      style={{
        left: rect.left,
        minWidth: Math.max(rect.width, 200),
        ...(below ? { top: rect.bottom + 2 } : { bottom: window.innerHeight - rect.top + 2 }),
      }}
    >
      {options.map((option, index) => (
        <div
          key={option.text}
          id={`${id}-${index}`}
          role="option"
          tabIndex={-1}
          aria-selected={index === highlighted}
          className="option"
          ref={index === highlighted ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
          onMouseDown={(event) => {
            // Keep the focus in the text box; pick, then save as Enter would.
            event.preventDefault();
            onPick(option);
            queueMicrotask(onCommit);
          }}
        >
          <span>{option.text}</span>
          {option.hint && <span className="option-hint">{option.hint}</span>}
        </div>
      ))}
    </div>,
    document.body,
  );
}

/** Best matches first: exact code or text, then starts-with, then contains. */
export function filterOptions(options: readonly EditorOption[], text: string): EditorOption[] {
  const wanted = text.trim().toLocaleLowerCase('nb');
  if (wanted === '') return [...options];
  const scored: { option: EditorOption; score: number }[] = [];
  options.forEach((option, index) => {
    const label = option.text.toLocaleLowerCase('nb');
    const hint = option.hint?.toLocaleLowerCase('nb') ?? '';
    let score = -1;
    if (hint === wanted || label === wanted) score = 0;
    else if (label.startsWith(wanted)) score = 1;
    else if (hint.startsWith(wanted)) score = 2;
    else if (label.includes(wanted)) score = 3;
    if (score >= 0) scored.push({ option, score: score * 10000 + index });
  });
  return scored.sort((a, b) => a.score - b.score).map((s) => s.option);
}

function initialText(
  props: CustomCellEditorProps,
  issueText: string | undefined,
): { text: string; typed: boolean; fromIssue: boolean } {
  const key = props.eventKey;
  if (key && key.length === 1) return { text: key, typed: true, fromIssue: false };
  if (key === 'Backspace' || key === 'Delete') return { text: '', typed: true, fromIssue: false };
  if (issueText !== undefined) return { text: issueText, typed: true, fromIssue: true };
  return { text: props.formatValue(props.value) ?? '', typed: false, fromIssue: false };
}
