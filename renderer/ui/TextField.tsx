/**
 * A labelled text input with its hint or error under it (the design system's `.field`,
 * ui/base.css). The error is tied to the input (aria-invalid, aria-describedby), so a screen reader
 * reads it with the field.
 */
import type { InputHTMLAttributes, Ref } from 'react';

export function TextField(
  props: {
    id: string;
    label: string;
    /** The refusal, in Norwegian; the field is marked invalid while there is one. */
    error?: string | null;
    hint?: string;
    inputRef?: Ref<HTMLInputElement>;
    /** Extra classes on the field (layout: width, grid column). */
    className?: string;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>,
) {
  const { id, label, error, hint, inputRef, className, ...input } = props;
  const described = [error ? `${id}-feil` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        ref={inputRef}
        className={`text-input${error ? ' text-input-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && !error && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-feil`} className="form-error">
          {error}
        </span>
      )}
    </div>
  );
}
