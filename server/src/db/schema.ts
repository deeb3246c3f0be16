import type { FormDefinition } from '@oselia/contracts';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Database types as Kysely sees them. Migrations are frozen; this file follows the latest schema. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, T | string, T | string>;

export interface TenantsTable {
  id: string;
  slug: string;
  name_en: string;
  name_uk: string;
  created_at: Generated<Date>;
}

export interface OrganisationsTable {
  tenant_id: string;
  id: string;
  type: 'mission' | 'partner_ngo' | 'donor' | 'government' | 'other';
  name_en: string;
  name_uk: string;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface AdminUnitsTable {
  pcode: string;
  level: number;
  parent_pcode: string | null;
  name_en: string;
  name_uk: string;
  lat: number | null;
  lon: number | null;
}

export type JobStatusColumn = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobsTable {
  tenant_id: string;
  id: string;
  kind: string;
  payload: Json;
  status: JobStatusColumn;
  progress_done: Generated<number>;
  progress_total: number | null;
  message: string | null;
  error: string | null;
  result: Json | null;
  checkpoint: Json | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Timestamp;
  locked_by: string | null;
  heartbeat_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  tenant_id: string;
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  status: 'invited' | 'active' | 'deactivated';
  roles: string[];
  project_scope: string[] | null;
  oblast_scope: string[] | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_required: Generated<boolean>;
  recovery_codes: Json<string[]> | null;
  failed_attempts: Generated<number>;
  first_failed_at: Timestamp | null;
  locked_until: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface SessionsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  state: 'active' | 'mfa_pending' | 'mfa_enrolment_required';
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
}

export interface UserTokensTable {
  tenant_id: string;
  id: string;
  user_id: string;
  purpose: 'invite' | 'reset';
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface TenantSettingsTable {
  tenant_id: string;
  key: string;
  value: Json;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface AuditLogTable {
  tenant_id: string;
  seq: number;
  id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  meta: Json | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  tenant_id: string;
  seq: number;
  hash: string;
}

interface Changes {
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface HouseholdsTable extends Changes {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  address: string | null;
  current_pcode: string | null;
  head_person_id: string | null;
  registered_by_org: string;
}

export interface PersonsTable extends Changes {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  family_name_latin: string;
  given_name_latin: string;
  patronymic_latin: string | null;
  birth_date: string | null;
  birth_date_precision: 'day' | 'month' | 'year' | 'estimated';
  sex: 'F' | 'M' | 'other' | 'unknown';
  phones: string[];
  population_group: 'idp' | 'returnee' | 'host_community' | 'refugee_migrant' | null;
  origin_pcode: string | null;
  current_pcode: string | null;
  displacement_date: string | null;
  washington_group: Json | null;
  disability: boolean | null;
  vulnerabilities: string[];
  household_id: string | null;
  relationship_to_head: string | null;
  registered_by_org: string;
  search_keys: string[];
  search_text: string;
  import_key: string | null;
  merged_into: string | null;
  merged_at: Timestamp | null;
}

export interface HouseholdMembershipsTable {
  tenant_id: string;
  id: string;
  household_id: string;
  person_id: string;
  relationship: string;
  valid_from: Generated<Date>;
  valid_to: Timestamp | null;
  recorded_by: string | null;
}

/** The distinct name keys in use (filled by a trigger on persons), for prefix and look-alike search. */
export interface PersonSearchTermsTable {
  tenant_id: string;
  term: string;
  word: string;
}

export interface PersonIdentifiersTable {
  tenant_id: string;
  id: string;
  person_id: string;
  type: 'tax_number' | 'passport' | 'idp_certificate' | 'birth_certificate';
  value_encrypted: string;
  value_hash: string;
  masked: string;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface ConsentsTable {
  tenant_id: string;
  id: string;
  person_id: string;
  purpose: 'assistance' | 'referral' | 'data_sharing' | 'story_publication' | 'follow_up';
  status: 'given' | 'withdrawn';
  method: 'signed' | 'verbal' | 'digital';
  organisation_id: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Generated<Date>;
}

export interface AssistanceTable {
  tenant_id: string;
  id: string;
  person_id: string | null;
  household_id: string | null;
  type: string;
  date: string;
  project_code: string | null;
  place_pcode: string | null;
  value_minor: number | null;
  currency: string | null;
  modality: 'cash' | 'voucher' | 'in_kind' | 'service';
  source: string;
  note: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface PeopleImportsTable {
  tenant_id: string;
  id: string;
  source: string;
  file_name: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  size_bytes: number;
  content: Buffer;
  columns: Json<string[]>;
  row_count: number;
  status: 'draft' | 'validated' | 'importing' | 'imported' | 'failed';
  mapping: Json | null;
  report: Json | null;
  skip_invalid_rows: Generated<boolean>;
  counts: Json | null;
  job_id: string | null;
  error: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ImportMappingsTable {
  tenant_id: string;
  source: string;
  mapping: Json;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** What a dry run checked and prepared, for the import job to write (see people-import.stage.ts). */
export interface PeopleImportStagesTable {
  tenant_id: string;
  import_id: string;
  format_version: number;
  file_sha256: string;
  content_digest: string;
  mapping_hash: string;
  key_check: string;
  rows: number;
  invalid_rows: Json<number[]>;
  parts: number;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface PeopleImportStagePartsTable {
  tenant_id: string;
  import_id: string;
  part: number;
  data: string;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  owner: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: Generated<Date>;
}

export type DedupPairStatus = 'pending' | 'merged' | 'not_same' | 'skipped' | 'undone';

export interface DedupPairsTable {
  tenant_id: string;
  id: string;
  job_id: string | null;
  person_a: string;
  person_b: string;
  weight: number;
  probability: number;
  decision: 'link' | 'review';
  reason: string | null;
  explanation: Json;
  status: Generated<DedupPairStatus>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface DedupDistinctPairsTable {
  tenant_id: string;
  person_a: string;
  person_b: string;
  decided_by: string | null;
  decided_at: Generated<Date>;
}

export type NotificationStatus = 'queued' | 'sent' | 'failed';

export interface NotificationsTable {
  tenant_id: string;
  id: string;
  recipient_kind: 'email' | 'none';
  recipient_encrypted: string | null;
  recipient_masked: string | null;
  language: 'uk' | 'en';
  template_key: string;
  subject: string;
  body: string;
  entity_type: string;
  entity_id: string;
  status: NotificationStatus;
  attempts: Generated<number>;
  last_error: string | null;
  job_id: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  sent_at: Timestamp | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface FilesTable {
  tenant_id: string;
  id: string;
  sha256: string;
  size_bytes: number;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  original_name: string;
  owner_kind: string;
  owner_id: string | null;
  uploaded_by_org: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  deleted_at: Timestamp | null;
}

export interface GrantCallsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  kind: 'business' | 'youth' | 'community';
  status: Generated<'draft' | 'open' | 'closed'>;
  title: Json<{ uk: string; en: string }>;
  description: Json<{ uk: string; en: string }>;
  currency: string;
  budget_minor: number;
  max_per_grant_minor: number;
  opens_at: Timestamp;
  closes_at: Timestamp;
  eligibility_rules: Json;
  required_documents: Json;
  scoring_rubric: Json;
  form_id: string | null;
  form_version: number | null;
  reviewers_per_application: Generated<number>;
  project_id: string | null;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface GrantApplicationsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  call_id: string;
  reference_code: string;
  secret_hash: string;
  /** See the grants migration for the states and their order. */
  status: Generated<string>;
  language: 'uk' | 'en';
  answers: Json;
  applicant_encrypted: string | null;
  business_id_kind: 'edrpou' | 'rnokpp' | null;
  business_id_hash: string | null;
  business_id_masked: string | null;
  oblast_pcode: string | null;
  groups: string[];
  requested_minor: number | null;
  currency: string;
  person_id: string | null;
  submitted_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface GrantApplicationDocumentsTable {
  tenant_id: string;
  id: string;
  application_id: string;
  kind: string;
  file_id: string;
  created_at: Generated<Date>;
}

export interface GrantScreeningsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  application_id: string;
  automatic_result: 'eligible' | 'ineligible' | 'needs_review';
  rule_results: Json;
  prior_assistance: Json;
  duplicates: Json;
  screened_at: Generated<Date>;
  screened_by: string | null;
  override_result: 'eligible' | 'ineligible' | null;
  override_reason: string | null;
  overridden_by: string | null;
  overridden_at: Timestamp | null;
}

/** Immutable versions of a form definition (see packages/contracts forms.contract.ts). */
export interface FormDefinitionsTable {
  tenant_id: string;
  id: string;
  version: number;
  title_uk: string;
  title_en: string;
  definition: Json<FormDefinition>;
  source: 'json' | 'xlsform';
  source_name: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface GrantReviewAssignmentsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  call_id: string;
  application_id: string;
  reviewer_id: string;
  status: 'assigned' | 'recused' | 'submitted' | 'withdrawn';
  conflict: Generated<'undeclared' | 'none' | 'declared'>;
  conflict_note: string | null;
  declared_at: Timestamp | null;
  weighted_total: number | null;
  submitted_at: Timestamp | null;
  assigned_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GrantReviewScoresTable {
  tenant_id: string;
  assignment_id: string;
  criterion_key: string;
  score: number;
  comment: Generated<string>;
}

export interface GrantCommitteeSessionsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  call_id: string;
  held_on: string;
  minutes: Generated<string>;
  attendees: string[];
  status: Generated<'open' | 'closed'>;
  closed_at: Timestamp | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface GrantDecisionsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  session_id: string;
  call_id: string;
  application_id: string;
  outcome: 'approve' | 'waiting_list' | 'reject';
  amount_minor: number | null;
  currency: string;
  reason: string | null;
  status: Generated<'proposed' | 'approved' | 'superseded' | 'withdrawn'>;
  proposed_by: string | null;
  proposed_at: Generated<Date>;
  approved_by: string | null;
  approved_at: Timestamp | null;
  notification_id: string | null;
  updated_at: Generated<Date>;
}

export interface GrantAwardsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  call_id: string;
  application_id: string;
  decision_id: string;
  grantor_org_id: string;
  amount_minor: number;
  currency: string;
  paid_minor: Generated<number>;
  language: 'uk' | 'en';
  obligations: Json<string[]>;
  issued_on: string;
  status: Generated<'active' | 'closed'>;
  closure_reason: 'completed' | 'not_operating' | 'terminated' | 'other' | null;
  closure_note: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface GrantTranchesTable {
  tenant_id: string;
  id: string;
  award_id: string;
  seq: number;
  amount_minor: number;
  due_date: string;
  condition: string | null;
  modality: 'cash' | 'in_kind';
  paid_minor: Generated<number>;
}

export interface GrantTrancheItemsTable {
  tenant_id: string;
  id: string;
  tranche_id: string;
  seq: number;
  item: string;
  quantity: number;
  unit_cost_minor: number;
  supplier: string | null;
}

export interface GrantPaymentsTable {
  tenant_id: string;
  id: string;
  award_id: string;
  tranche_id: string;
  paid_on: string;
  amount_minor: number;
  currency: string;
  reference: string;
  assistance_id: string;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface GrantMonitoringVisitsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  award_id: string;
  visited_on: string;
  follow_up_month: 3 | 6 | 12 | null;
  operating: boolean;
  jobs_created: Generated<number>;
  jobs_kept: Generated<number>;
  photo_file_ids: string[];
  notes: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
}

/** Portal pages: a draft and the version the public sees ({title, description, body} in uk/en). */
export interface PortalPagesTable {
  tenant_id: string;
  id: string;
  key: string;
  version: Generated<number>;
  draft: Json<{ title: Bilingual; description: Bilingual; body: Bilingual }>;
  published: Json<{ title: Bilingual; description: Bilingual; body: Bilingual }> | null;
  published_at: Timestamp | null;
  published_by: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

type Bilingual = { uk: string; en: string };

export interface PortalStoriesTable {
  tenant_id: string;
  id: string;
  slug: string;
  version: Generated<number>;
  status: Generated<'draft' | 'review' | 'scheduled' | 'published' | 'unpublished'>;
  title: Json<Bilingual>;
  summary: Json<Bilingual>;
  body: Json<Bilingual>;
  place_pcode: string | null;
  programme: 'protection' | 'livelihoods' | 'youth' | 'counter_trafficking' | 'community';
  tags: string[];
  publish_at: Timestamp | null;
  published_at: Timestamp | null;
  published_by: string | null;
  unpublished_reason: string | null;
  review_note: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface PortalStoryPeopleTable {
  tenant_id: string;
  story_id: string;
  person_id: string;
}

export interface PortalStoryPhotosTable {
  tenant_id: string;
  id: string;
  story_id: string;
  position: number;
  alt: Json<Bilingual>;
  large: Uint8Array;
  thumb: Uint8Array;
  width: number;
  height: number;
  thumb_width: number;
  thumb_height: number;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface TrainingEventsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  status: Generated<'draft' | 'open' | 'closed' | 'cancelled'>;
  title: Json<{ uk: string; en: string }>;
  description: Json<{ uk: string; en: string }>;
  topics: string[];
  project_code: string;
  place_pcode: string;
  venue: string | null;
  starts_on: string;
  ends_on: string;
  capacity: number;
  target_groups: string[];
  age_min: number | null;
  age_max: number | null;
  quotas: Json;
  fill_unused_quotas: boolean;
  completion_min_percent: number;
  form_id: string | null;
  form_version: number | null;
  enrolment_closes_on: string | null;
  organisation_id: string;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface TrainingSessionsTable {
  tenant_id: string;
  id: string;
  event_id: string;
  seq: number;
  date: string;
  title: Json<{ uk: string; en: string }> | null;
  minutes: number;
}

export interface TrainingFacilitatorsTable {
  tenant_id: string;
  id: string;
  event_id: string;
  user_id: string | null;
  name: string;
}

export type TrainingApplicationStatus =
  | 'applied'
  | 'selected'
  | 'waitlisted'
  | 'not_selected'
  | 'declined'
  | 'withdrawn';

export interface TrainingApplicationsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  event_id: string;
  person_id: string;
  reference_code: string;
  status: Generated<TrainingApplicationStatus>;
  basis: Json | null;
  language: 'uk' | 'en';
  sex: 'F' | 'M' | 'other' | 'unknown';
  age_band: '0-17' | '18-59' | '60+' | null;
  age: number | null;
  population_group: 'idp' | 'returnee' | 'host_community' | 'refugee_migrant' | null;
  place_pcode: string | null;
  answers_encrypted: string;
  contact_encrypted: string | null;
  submitted_at: Generated<Date>;
  decided_at: Timestamp | null;
  declined_reason: string | null;
  ledger_participation_id: string | null;
  ledger_completion_id: string | null;
  reporter_token_hash: string | null;
  reporter_token_encrypted: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface TrainingAttendanceTable {
  tenant_id: string;
  session_id: string;
  application_id: string;
  event_id: string;
  present: boolean;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

export interface TrainingTestsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  event_id: string;
  kind: 'pre' | 'post';
  questions: Json;
  max_score: number;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface TrainingTestAnswersTable {
  tenant_id: string;
  test_id: string;
  application_id: string;
  answers: Json;
  score: number;
  max_score: number;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

export interface TrainingCertificatesTable {
  tenant_id: string;
  id: string;
  event_id: string;
  application_id: string;
  code: string;
  holder_name: string;
  minutes: number;
  issued_at: Generated<Date>;
  issued_by: string | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface TrainingAlumniGrantsTable {
  tenant_id: string;
  application_id: string;
  grant_application_id: string;
  linked_at: Generated<Date>;
  linked_by: string | null;
}

export interface AwarenessSessionsTable {
  tenant_id: string;
  id: string;
  version: Generated<number>;
  date: string;
  topic: string;
  venue: string;
  place_pcode: string;
  f_0_17: number;
  f_18_59: number;
  f_60_plus: number;
  m_0_17: number;
  m_18_59: number;
  m_60_plus: number;
  total: number;
  materials: string | null;
  photo_file_ids: string[];
  facilitator_user_id: string | null;
  facilitator_name: string | null;
  alumnus_application_id: string | null;
  event_id: string | null;
  project_code: string | null;
  recorded_via: 'staff' | 'reporting_link';
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
}

export interface DB {
  training_events: TrainingEventsTable;
  training_sessions: TrainingSessionsTable;
  training_facilitators: TrainingFacilitatorsTable;
  training_applications: TrainingApplicationsTable;
  training_attendance: TrainingAttendanceTable;
  training_tests: TrainingTestsTable;
  training_test_answers: TrainingTestAnswersTable;
  training_certificates: TrainingCertificatesTable;
  training_alumni_grants: TrainingAlumniGrantsTable;
  awareness_sessions: AwarenessSessionsTable;
  files: FilesTable;
  form_definitions: FormDefinitionsTable;
  grant_calls: GrantCallsTable;
  grant_applications: GrantApplicationsTable;
  grant_application_documents: GrantApplicationDocumentsTable;
  grant_screenings: GrantScreeningsTable;
  notifications: NotificationsTable;
  grant_review_assignments: GrantReviewAssignmentsTable;
  grant_review_scores: GrantReviewScoresTable;
  grant_committee_sessions: GrantCommitteeSessionsTable;
  grant_decisions: GrantDecisionsTable;
  grant_awards: GrantAwardsTable;
  grant_tranches: GrantTranchesTable;
  grant_tranche_items: GrantTrancheItemsTable;
  grant_payments: GrantPaymentsTable;
  grant_monitoring_visits: GrantMonitoringVisitsTable;
  dedup_pairs: DedupPairsTable;
  dedup_distinct_pairs: DedupDistinctPairsTable;
  idempotency_keys: IdempotencyKeysTable;
  people_imports: PeopleImportsTable;
  import_mappings: ImportMappingsTable;
  people_import_stages: PeopleImportStagesTable;
  people_import_stage_parts: PeopleImportStagePartsTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  person_search_terms: PersonSearchTermsTable;
  household_memberships: HouseholdMembershipsTable;
  person_identifiers: PersonIdentifiersTable;
  consents: ConsentsTable;
  assistance: AssistanceTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  tenant_settings: TenantSettingsTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  tenants: TenantsTable;
  organisations: OrganisationsTable;
  admin_units: AdminUnitsTable;
  jobs: JobsTable;
  portal_pages: PortalPagesTable;
  portal_stories: PortalStoriesTable;
  portal_story_people: PortalStoryPeopleTable;
  portal_story_photos: PortalStoryPhotosTable;
  feedback_items: FeedbackItemsTable;
  feedback_responses: FeedbackResponsesTable;
  feedback_sensitive_handlers: FeedbackSensitiveHandlersTable;
}

export interface FeedbackItemsTable {
  tenant_id: string;
  id: string;
  reference_code: string;
  secret_hash: string;
  category: 'question' | 'request' | 'complaint' | 'sensitive';
  channel: 'web' | 'hotline' | 'in_person' | 'email' | 'letter' | 'other';
  status: Generated<'new' | 'in_progress' | 'answered' | 'closed'>;
  text: string;
  anonymous: boolean;
  contact_enc: string | null;
  place_pcode: string | null;
  programme: string | null;
  language: 'uk' | 'en';
  escalation_level: Generated<number>;
  escalation_reason: string | null;
  due_at: Timestamp;
  assignee_id: string | null;
  resolution: string | null;
  closed_at: Timestamp | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface FeedbackResponsesTable {
  tenant_id: string;
  id: string;
  item_id: string;
  visibility: 'public' | 'internal';
  text: string;
  created_at: Generated<Date>;
  created_by: string;
}

export interface FeedbackSensitiveHandlersTable {
  tenant_id: string;
  user_id: string;
  granted_at: Generated<Date>;
  granted_by: string | null;
}

export type JobRow = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
export type JobUpdate = Updateable<JobsTable>;
export type AdminUnitRow = Selectable<AdminUnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type PersonRow = Selectable<PersonsTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type ConsentRow = Selectable<ConsentsTable>;
export type AssistanceRow = Selectable<AssistanceTable>;
export type PersonIdentifierRow = Selectable<PersonIdentifiersTable>;
export type PeopleImportRow = Selectable<PeopleImportsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type FormDefinitionRow = Selectable<FormDefinitionsTable>;
