// Pupil monitoring (leerlingvolgsysteem): scales, instruments, didactic age, norms, import, signals, statistics.
export * from './scales';
export * from './instruments';
export * from './instrument-schema';
export * from './codes';
export * from './didactic';
export * from './norms';
export * from './import';
export * from './signals';
export * from './stats';
