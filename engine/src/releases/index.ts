export { recordRelease, ReleaseInput } from './activate-version';
export { currentRelease, versionForMember, type Release } from './current-release';
export { stableBucket } from './stable-bucket';
