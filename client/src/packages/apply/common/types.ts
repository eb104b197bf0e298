// Shapes of the cloud functions' results as the flow pages read them: the shared result types
// (shared/src/api/results.ts), under the names the pages have always used.
export type {
  ApplicationView as Application,
  ItemStatus,
  ItemView as Item,
  ObjectionView as Objection,
  SubjectView as Subject,
  GetApplicationResult,
} from '@hz-points/shared';
