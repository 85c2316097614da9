/** Audit actions in plain words for the audit log page; anything not listed reads "Team: member removed". */
const WORDS: Record<string, string> = {
  'user.signed-in': 'Signed in',
  'user.sign-in-failed': 'Failed sign-in',
  'user.signed-out': 'Signed out',
  'user.password-reset-requested': 'Asked for a password reset',
  'user.password-reset': 'Reset their password',
  'user.password-changed': 'Password changed',
  'user.updated': 'Changed a person',
  'user.deactivated': 'Deactivated a person',
  'user.activated': 'Reactivated a person',
  'invitation.created': 'Invited someone',
  'invitation.accepted': 'Accepted an invitation',
  'invitation.revoked': 'Revoked an invitation',
  'team.created': 'Created a team',
  'team.updated': 'Changed a team',
  'team.deleted': 'Deleted a team',
  'team.member-set': 'Set a team member',
  'team.member-removed': 'Removed a team member',
  'token.created': 'Created an API token',
  'token.revoked': 'Revoked an API token',
  'organization.updated': 'Changed the organisation',
  'organization.exported': 'Exported the organisation',
  'organization.imported': 'Imported an organisation export',
  'import.applied': 'Imported OKRs',
  'audit.retention-updated': 'Changed the audit retention',
  'audit.exported': 'Exported the audit log',
  'key_result.score-overridden': 'Overrode a key result score',
  'objective.publish-overridden': 'Published an objective over the coach',
};

const words = (part: string) => part.replace(/[_-]+/g, ' ').trim();

export function describeAuditAction(action: string): string {
  const known = WORDS[action];
  if (known) return known;
  const dot = action.indexOf('.');
  if (dot < 0) return words(action);
  const subject = words(action.slice(0, dot));
  return `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${words(action.slice(dot + 1))}`;
}

/** The action filter's choices: a prefix each (the API matches prefixes). */
export const AUDIT_ACTION_GROUPS: { value: string; label: string }[] = [
  { value: '', label: 'All actions' },
  { value: 'user.sign', label: 'Sign-ins and sign-outs' },
  { value: 'user.', label: 'People and passwords' },
  { value: 'invitation.', label: 'Invitations' },
  { value: 'team.', label: 'Teams' },
  { value: 'token.', label: 'API and service tokens' },
  { value: 'organization.', label: 'Organisation settings' },
  { value: 'import.', label: 'Imports' },
  { value: 'audit.', label: 'Audit log' },
];
