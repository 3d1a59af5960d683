import { trpc } from '$lib/trpc';

export type ProgramSummary = Awaited<ReturnType<typeof trpc.programs.list.query>>[number];

const PROGRAM_KEY = 'loyalty-studio.members.program';
const COUNTRY_KEY = 'loyalty-studio.members.country';

/** The program and phone country a support agent works in; both are remembered between visits. */
class ProgramChoice {
  programs = $state<ProgramSummary[] | undefined>();
  programId = $state<string>('');
  country = $state<string>('');

  async load(): Promise<void> {
    const list = await trpc.programs.list.query();
    this.programs = list;
    const remembered = localStorage.getItem(PROGRAM_KEY) ?? '';
    this.programId = list.some((p) => p.id === remembered) ? remembered : (list[0]?.id ?? '');
    this.country = localStorage.getItem(COUNTRY_KEY) ?? guessCountry();
  }

  choose(programId: string): void {
    this.programId = programId;
    localStorage.setItem(PROGRAM_KEY, programId);
  }

  chooseCountry(country: string): void {
    this.country = country;
    localStorage.setItem(COUNTRY_KEY, country);
  }
}

/** The region of the browser's language (en-GB -> GB), or DE. */
function guessCountry(): string {
  const region = navigator.language.split('-')[1]?.toUpperCase();
  return region && COUNTRIES.some((c) => c.value === region) ? region : 'DE';
}

/** Countries offered for phone numbers typed without +country code. */
export const COUNTRIES = [
  { value: 'AT', label: 'Austria (+43)' },
  { value: 'BE', label: 'Belgium (+32)' },
  { value: 'CH', label: 'Switzerland (+41)' },
  { value: 'DE', label: 'Germany (+49)' },
  { value: 'ES', label: 'Spain (+34)' },
  { value: 'FR', label: 'France (+33)' },
  { value: 'GB', label: 'United Kingdom (+44)' },
  { value: 'IT', label: 'Italy (+39)' },
  { value: 'NL', label: 'Netherlands (+31)' },
  { value: 'PL', label: 'Poland (+48)' },
  { value: 'US', label: 'United States (+1)' },
] as const;

export const programChoice = new ProgramChoice();
