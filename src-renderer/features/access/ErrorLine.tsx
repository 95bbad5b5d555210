/** An error at the place it concerns, read out by screen readers when it appears. */
export function ErrorLine({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="field__error" id={id} role="alert">
      {message}
    </p>
  );
}
