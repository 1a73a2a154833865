import { Account, Session, SystemSecret } from '../modules/account/account.entity.js';
import { PersonalDataAccessLog } from '../modules/audit/access-log.entity.js';
import { Organization } from '../modules/organization/organization.entity.js';
import { Assignment, EducationRecord, Servant } from '../modules/servant/servant.entity.js';
import { Category, Course, LearningResource, PlatformSetting } from '../modules/catalog/catalog.entity.js';
import { Demand, DemandSupport, SynonymGroup, TrainingRequest } from '../modules/request/request.entity.js';
import { CourseOffering, Enrollment, EnrollmentRound } from '../modules/round/round.entity.js';
import { EmailOutbox, Notification } from '../modules/notification/notification.entity.js';
import { RecommendationFeedback } from '../modules/recommendation/recommendation.entity.js';
import { CreditBalance, CreditPolicy, CreditTransaction } from '../modules/credit/credit.entity.js';
import { Certification, CertificationProgram, CertificationProgramCategoryMinimum, CertificationProgramRequiredCourse, MandatoryTrainingRule } from '../modules/certification/certification.entity.js';

/** Every entity, listed explicitly so that discovery works the same in tests, builds and tools. */
export const entities = [
  Organization,
  Servant,
  Assignment,
  EducationRecord,
  Account,
  Session,
  SystemSecret,
  PersonalDataAccessLog,
  Category,
  Course,
  LearningResource,
  PlatformSetting,
  Demand,
  TrainingRequest,
  DemandSupport,
  SynonymGroup,
  EnrollmentRound,
  CourseOffering,
  Enrollment,
  Notification,
  EmailOutbox,
  CreditTransaction,
  CreditPolicy,
  CreditBalance,
  MandatoryTrainingRule,
  CertificationProgram,
  CertificationProgramCategoryMinimum,
  CertificationProgramRequiredCourse,
  Certification,
  RecommendationFeedback,
];
