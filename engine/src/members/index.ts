export { generateCardNumber, isLuhnValid, luhnCheckDigit } from './card-number';
export { changeTier, ChangeTierInput } from './change-tier';
export { applyConsents, ConsentsInput } from './consents';
export { identifyMember, IdentifyMemberInput } from './identify-member';
export type { MemberRow } from './member-store';
export { mergeMembers, MergeMembersInput } from './merge-members';
export { normaliseCardNumber, normaliseContact, normaliseEmail, normalisePhone, PhoneCountry, type Contact } from './normalise-contact';
export { signUpMember, SignUpMemberInput } from './sign-up-member';
export { updateMemberContact, UpdateMemberContactInput } from './update-member-contact';
