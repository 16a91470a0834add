/** The shape of a catalogue: every language has the same keys as the Dutch one, with string values. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
