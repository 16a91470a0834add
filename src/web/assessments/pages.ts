// The assessments capability (leerlingvolgsysteem): one lazily loaded chunk. chart.js is a further chunk,
// loaded only when a chart is on screen (ChartCanvas).
export { GridPage } from './GridPage';
export { ImportPage } from './ImportPage';
export { PupilResultsPage, PupilSignalsSection } from './PupilResultsPage';
export { CrossSectionPage, GroupResultsSection } from './CrossSectionPage';
export { TrendPage } from './TrendPage';
export { InstrumentsPage } from './InstrumentsPage';
export { SignalRulesPage } from './SignalRulesPage';
