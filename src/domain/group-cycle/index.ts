// The HGW group cycle: shared types and the pure rules of groepsoverzicht, clustering, groepsplan, evaluation and roll forward.
export * from './model';
export * from './settings';
export * from './smart';
export * from './hulpzinnen';
export * from './checklists';
export * from './clustering';
export * from './rollforward';
export * from './requirements';
export * from './evidence';
export * from './lifecycle';
export * from './blank';
