import { Account, Session, SystemSecret } from '../modules/account/account.entity.js';
import { PersonalDataAccessLog } from '../modules/audit/access-log.entity.js';
import { Organization } from '../modules/organization/organization.entity.js';
import { Assignment, EducationRecord, Servant } from '../modules/servant/servant.entity.js';

/** Every entity, listed explicitly so that discovery works the same in tests, builds and tools. */
export const entities = [Organization, Servant, Assignment, EducationRecord, Account, Session, SystemSecret, PersonalDataAccessLog];
