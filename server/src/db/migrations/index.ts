import type { Migration } from 'kysely';
import * as foundation from './2026_11_28_0001_foundation.ts';
import * as access from './2026_11_28_0002_access.ts';
import * as people from './2026_11_28_0003_people.ts';
import * as peopleImport from './2026_11_28_0004_people_import.ts';
import * as idempotency from './2026_11_28_1700_idempotency.ts';
import * as dedup from './2026_11_28_1745_dedup.ts';
import * as peopleSearchKeys from './2026_11_28_2000_people_search_keys.ts';
import * as peoplePlacePrefix from './2026_11_28_2005_people_place_prefix_idx.ts';
import * as peopleImportStaging from './2026_11_28_2010_people_import_staging.ts';
import * as forms from './2026_11_28_2040_forms.ts';
import * as files from './2026_11_28_2050_files.ts';
import * as notifications from './2026_11_28_2060_notifications.ts';
import * as grants from './2026_11_28_2100_grants.ts';
import * as grantsAward from './2026_11_28_2110_grants_award.ts';
import * as trainings from './2026_11_28_2200_trainings.ts';
import * as portal from './2026_11_28_2300_portal.ts';
import * as feedback from './2026_11_28_2310_feedback.ts';
import * as triggersAlways from './2026_11_28_2320_triggers_always.ts';
import * as ginPendingListSetting from './2026_11_28_2330_gin_pending_list_setting.ts';
import * as searchTermsFromImports from './2026_12_07_2130_search_terms_from_imports.ts';

/** Every migration, in order. Names are timestamps so they sort. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0001_foundation': foundation,
  '2026_11_28_0002_access': access,
  '2026_11_28_0003_people': people,
  '2026_11_28_0004_people_import': peopleImport,
  '2026_11_28_1700_idempotency': idempotency,
  '2026_11_28_1745_dedup': dedup,
  '2026_11_28_2000_people_search_keys': peopleSearchKeys,
  '2026_11_28_2005_people_place_prefix_idx': peoplePlacePrefix,
  '2026_11_28_2010_people_import_staging': peopleImportStaging,
  '2026_11_28_2040_forms': forms,
  '2026_11_28_2050_files': files,
  '2026_11_28_2100_grants': grants,
  '2026_11_28_2110_grants_award': grantsAward,
  '2026_11_28_2060_notifications': notifications,
  '2026_11_28_2300_portal': portal,
  '2026_11_28_2310_feedback': feedback,
  '2026_11_28_2200_trainings': trainings,
  '2026_11_28_2320_triggers_always': triggersAlways,
  '2026_11_28_2330_gin_pending_list_setting': ginPendingListSetting,
  '2026_12_07_2130_search_terms_from_imports': searchTermsFromImports,
};
