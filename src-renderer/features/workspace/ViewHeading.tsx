import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A view's title: focused when the view opens, so a screen reader says where the operator is and
 * the keyboard goes on from the top of the new view (not from a button of the previous one).
 */
export function ViewHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
    window.scrollTo({ top: 0 });
  }, []);
  return (
    <header className="view__head">
      <h1 id="view-heading" ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </header>
  );
}
