/**
 * One white panel per task on a screen (the design system's `.card`, ui/base.css): a titled
 * section, or a form when `as="form"`. The title is the section's accessible name.
 */
import type { FormEventHandler, ReactNode, Ref } from 'react';

export function Card(props: {
  /** The heading's id, which names the section (aria-labelledby). */
  titleId: string;
  title: ReactNode;
  children: ReactNode;
  /** Extra classes for the screen's own layout (not colours or borders). */
  className?: string;
  as?: 'section' | 'form';
  onSubmit?: FormEventHandler<HTMLFormElement>;
  /** Heading level: 2 on a screen with a page title. */
  level?: 2 | 3;
  titleRef?: Ref<HTMLHeadingElement>;
  /** The heading can take the focus (a wizard step moves it there). */
  focusableTitle?: boolean;
  busy?: boolean;
}) {
  const { titleId, title, children, className, as = 'section', onSubmit, level = 2, titleRef, focusableTitle } = props;
  const Heading = level === 2 ? 'h2' : 'h3';
  const heading = (
    <Heading id={titleId} className="card-title" ref={titleRef} tabIndex={focusableTitle ? -1 : undefined}>
      {title}
    </Heading>
  );
  const classes = className ? `card ${className}` : 'card';
  if (as === 'form') {
    return (
      <form className={classes} onSubmit={onSubmit} noValidate aria-labelledby={titleId} aria-busy={props.busy}>
        {heading}
        {children}
      </form>
    );
  }
  return (
    <section className={classes} aria-labelledby={titleId} aria-busy={props.busy}>
      {heading}
      {children}
    </section>
  );
}
