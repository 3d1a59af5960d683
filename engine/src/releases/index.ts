export { recordRelease, ReleaseInput } from './activate-version';
export { currentRelease, versionForMember, versionsInForce, type Release, type ReleaseVersions } from './current-release';
export { stableBucket } from './stable-bucket';
