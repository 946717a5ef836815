// Schemas and value sets
export {
  GOAL_STATUSES,
  MEASURE_STATUSES,
  ACHIEVEMENTS,
  EVALUATION_TARGET_TYPES,
  PARTICIPANT_ROLES,
  MEETING_STATUSES,
  SERVICE_KINDS,
  SERVICE_STATUSES,
} from './enums.ts';
export type {
  GoalStatus,
  MeasureStatus,
  Achievement,
  EvaluationTargetType,
  ParticipantRole,
  MeetingStatus,
  ServiceKind,
  ServiceStatus,
} from './enums.ts';
export { IsoDateSchema } from './isoDate.ts';
export { dayInNorway } from './dayInNorway.ts';
export { HttpsUrlSchema, isHttpsUrl, MAX_LINK_LENGTH, MeetingPlaceSchema, MeetingTimeSchema } from './meetingFields.ts';
export type { IsoDate } from './isoDate.ts';
export {
  RichTextDocSchema,
  RichTextNodeSchema,
  RichTextMarkSchema,
  RICH_TEXT_MARKS,
  RICH_TEXT_NODES,
  RICH_TEXT_MARK_ATTRIBUTES,
  RICH_TEXT_NODE_ATTRIBUTES,
  emptyRichText,
  isMarkValue,
  isNodeAttribute,
  isSafeLinkHref,
} from './richTextSchema.ts';
export type { RichTextDoc, RichTextNode, RichTextMark, RichTextMarkName, RichTextNodeName } from './richTextSchema.ts';
export {
  GoalSchema,
  MeasureSchema,
  EvaluationSchema,
  ParticipantSchema,
  CooperationSchema,
  MeetingSchema,
  TaskSchema,
  ServiceSchema,
} from './itemSchemas.ts';
export type { Goal, Measure, Evaluation, Participant, Cooperation, Meeting, Task, Service } from './itemSchemas.ts';
export { PlanMetaSchema, PlanMetaPatchSchema, PLAN_SCHEMA_VERSION } from './planMetaSchema.ts';
export type { PlanMeta, PlanMetaPatch } from './planMetaSchema.ts';
export { PlanJSONSchema } from './PlanJSONSchema.ts';
export type { PlanJSON } from './PlanJSONSchema.ts';

// Document layout
export { COLLECTION_NAMES, collectionSpecs, isCollectionName } from './collectionSpecs.ts';
export type {
  CollectionName,
  CollectionSpecs,
  FieldSpec,
  TextField,
  RichTextField,
  IdSetField,
  RefField,
  PlainField,
  FieldName,
  TextFieldName,
  RichTextFieldName,
  IdSetFieldName,
  FieldInput,
  FieldReading,
  FieldsOf,
  ItemInput,
} from './collectionSpecs.ts';
export {
  META_MAP_NAME,
  PLAN_RICH_TEXT_FIELDS,
  isPlanRichTextField,
  getMetaMap,
  getCollection,
  getPlanRichText,
} from './documentLayout.ts';
export type { PlanRichTextField, ItemMap, CollectionMap } from './documentLayout.ts';
export {
  PLAN_PARTS,
  isPlanPart,
  isPlanRootType,
  partOfRootType,
  partOfCollection,
  partOfType,
  rootTypesOfPart,
} from './planParts.ts';
export type { PlanPart } from './planParts.ts';
export { PlanModelError } from './PlanModelError.ts';
export type { PlanModelErrorReason } from './PlanModelError.ts';

// Reading and writing a plan
export { createPlanStructure, PlanStructureInputSchema } from './createPlanStructure.ts';
export type { PlanStructureInput } from './createPlanStructure.ts';
export { updateMeta } from './updateMeta.ts';
export { addItem } from './addItem.ts';
export { updateItem } from './updateItem.ts';
export { removeItem, type RemoveItemOptions } from './removeItem.ts';
export { removalReach, type RemovalReach } from './removalReach.ts';
export { moveItem } from './moveItem.ts';
export type { Placement } from './itemOrder.ts';
export { listItemIds } from './listItemIds.ts';
export { listGoalTree } from './listGoalTree.ts';
export type { GoalTreeNode } from './listGoalTree.ts';
export { getItemMap } from './getItemMap.ts';
export { readItemField } from './readItemField.ts';
export { getText } from './getText.ts';
export { getRichText } from './getRichText.ts';
export { setLinked } from './setLinked.ts';
export { setText } from './setText.ts';
export { restoreFrom } from './restoreFrom.ts';
export type { RestoreScope } from './restoreFrom.ts';
export { itemTitle, TITLE_FIELDS } from './itemTitle.ts';
export { itemHasWords } from './itemHasWords.ts';

// Rich text
export { richTextToJSON } from './richTextToJSON.ts';
export { richTextToPlain } from './richTextToPlain.ts';
export { richTextFromPlain } from './richTextFromPlain.ts';
export { appendRichText, writeRichText } from './writeRichText.ts';
export { bulletList, paragraph, richDoc } from './richTextBuilders.ts';

// Whole-plan views
export { planToJSON } from './planToJSON.ts';
export { planRichText } from './planRichText.ts';
export { emptyProgressFacts, progressFacts, progressSummary, PROGRESS_FACTS_VERSION } from './progressSummary.ts';
export { groupMeetings, orderMeetings } from './meetingOrder.ts';
export type { MeetingGroups, OrderedMeeting } from './meetingOrder.ts';
export { isEmptyAgenda, meetingAgenda, MEASURE_ENDING_WEEKS } from './meetingAgenda.ts';
export type { AgendaGoal, AgendaMeasure, AgendaTask, MeetingAgenda } from './meetingAgenda.ts';
export { attentionItems, evaluationDueDate, urgencyOf, urgencyOfItem, DUE_SOON_DAYS } from './attention.ts';
export type { AttentionItem, AttentionKind } from './attention.ts';
export {
  addInterval,
  daysBetween,
  formatEvaluationInterval,
  parseEvaluationInterval,
  MAX_INTERVAL,
} from './evaluationInterval.ts';
export type { EvaluationInterval, IntervalUnit } from './evaluationInterval.ts';
export type { ProgressFacts, ProgressSummary } from './progressSummary.ts';

// Seeds
export { seedDemoPlan, DEMO_PLAN } from './seedDemoPlan.ts';
export { seedLargePlan } from './seedLargePlan.ts';
export type { LargePlanOptions } from './seedLargePlan.ts';
export { mulberry32 } from './mulberry32.ts';
export { randomId } from './randomId.ts';
export { richTextEditable } from './richTextEditable.ts';
export {
  checkPlanWrite,
  PLAN_LIMITS,
  rootKind,
  type PlanWrite,
  type PlanWriteProblem,
  type SharedKind,
  type WriteContent,
} from './planWrites.ts';
export { meetingVersionName, revisionVersionName } from './versionNames.ts';
