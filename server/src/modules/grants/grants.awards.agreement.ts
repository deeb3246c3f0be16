import type { GrantAward } from '@oselia/contracts';
import type { Crypto } from '../../shared/crypto.ts';
import type { Actor } from '../access/access.policy.ts';
import type { OrganisationsService } from '../access/organisations.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import { renderAgreementPdf } from './grants.agreement.pdf.ts';
import { openSealed } from './grants.applications.mapper.ts';
import type { ApplicationRow } from './grants.applications.repository.ts';
import type { CallRow } from './grants.calls.repository.ts';

/**
 * The grant agreement of an award, in the award's language: the grantor organisation, the
 * grantee as the application names it (full name, business, masked register code, oblast), the
 * call, the amount, the tranches with their procurement lines and the obligations.
 */
export async function renderAwardAgreement(
  deps: {
    crypto: Crypto;
    organisations: Pick<OrganisationsService, 'getOrganisation'>;
    places: Pick<PlacesService, 'getPlace'>;
  },
  actor: Actor,
  of: { award: GrantAward; call: CallRow; app: ApplicationRow; grantorId: string },
  opts: { compress?: boolean } = {},
) {
  const { award, call, app } = of;
  const lang = award.language;
  const applicant = openSealed(deps.crypto, app.applicant_encrypted).applicant;
  const grantor = await deps.organisations.getOrganisation(actor, of.grantorId);
  const place = app.oblast_pcode ? await deps.places.getPlace(app.oblast_pcode).catch(() => null) : null;
  return renderAgreementPdf(
    {
      language: lang,
      referenceCode: award.referenceCode,
      issuedOn: award.issuedOn,
      grantor: lang === 'uk' ? grantor.nameUk : grantor.nameEn,
      grantee: {
        name: applicant
          ? [applicant.familyName, applicant.givenName, applicant.patronymic].filter(Boolean).join(' ')
          : award.referenceCode,
        organisationName: applicant?.organisationName ?? null,
        businessIdMasked: app.business_id_masked,
        place: place ? (lang === 'uk' ? place.nameUk : place.nameEn) : null,
      },
      callTitle: (call.title as { uk: string; en: string })[lang],
      amountMinor: award.amountMinor,
      currency: award.currency,
      tranches: award.tranches.map((t) => ({
        amountMinor: t.amountMinor,
        dueDate: t.dueDate,
        condition: t.condition,
        modality: t.modality,
        items: t.items,
      })),
      obligations: award.obligations,
    },
    opts,
  );
}
