/**
 * What of an error may go to the logs: its kind, code, message and stack. Database errors carry
 * `detail`, `where` and parameters that can quote a person's data, so those stay out.
 */
export function loggableError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 200) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack,
  };
}
