// Individual support: levels, handelingsplan, OPP, versions & signatures, tasks — shared types and the pure rules.
export * from './model';
export * from './views';
export * from './settings';
export * from './versions';
export * from './terms';
export * from './levels';
export * from './lifecycle';
export * from './privacy';
export * from './findings';
export * from './deadlines';
export * from './tasks';
export * from './tidy';
