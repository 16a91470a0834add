/** An error with a status, a stable code for clients and a Dutch message for people. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** More of the body where a refusal lists several problems (e.g. the required fields still missing). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Dit item') => new HttpError(404, 'not_found', `${what} bestaat niet.`);
export const forbidden = () => new HttpError(403, 'forbidden', 'U heeft geen toegang tot deze gegevens.');
export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'U bent niet ingelogd.');
export const conflict = () =>
  new HttpError(409, 'conflict', 'Iemand anders heeft deze gegevens intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.');
export const invalid = (fields: Record<string, string>, message = 'Controleer de gemarkeerde velden.') =>
  new HttpError(422, 'validation', message, fields);
