export * from './options';
export { formatEventDate, messages, unmetReasonText, type Messages } from './messages';
export { zonedTimeToUtc, zoneOffsetMinutes, isKnownTimeZone } from './time-zone';
export {
  buildAgendas,
  buildContext,
  buildGrid,
  buildTableCards,
  scheduleFingerprint,
  type AgendaMeetingRow,
  type AgendaRow,
  type ClusterAgenda,
  type ClusterView,
  type GridRow,
  type TableCard,
} from './view-model';
export { renderAgendasPdf } from './agendas-pdf';
export { renderGridPdf, type GridOptions } from './grid-pdf';
export { renderTableCardsPdf } from './table-cards-pdf';
export { renderMeetingsCsv } from './csv';
export { renderClusterIcs, meetingUid } from './ics';
export { renderAgendaHtml, renderGridHtml } from './html';
