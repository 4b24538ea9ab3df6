// Validation of payout destinations (bank account details) as drivers type them. Checks what can be checked without
// the bank: the IBAN's length and mod-97 checksum (ISO 13616) when the number looks like an IBAN, plain account
// numbers' digits and length, the routing code's shape (UK sort code, US ABA routing number with its checksum,
// BIC), the country (ISO 3166-1 alpha-2 shape). Whether the account exists is the provider's to say (a payout fails).

export type BankDetailsProblemCode =
  | 'INVALID_ACCOUNT_HOLDER_NAME'
  | 'INVALID_ACCOUNT_NUMBER'
  | 'INVALID_IBAN_CHECKSUM'
  | 'IBAN_COUNTRY_MISMATCH'
  | 'INVALID_ROUTING_CODE'
  | 'ROUTING_CODE_REQUIRED'
  | 'INVALID_COUNTRY'
  | 'INVALID_PROVIDER_ACCOUNT';

export interface BankDetailsProblem {
  code: BankDetailsProblemCode;
  message: string;
  field: string;
}

export interface BankDetailsInput {
  accountHolderName: string;
  accountNumber: string;
  routingCode?: string | null;
  country: string;
  providerAccountId?: string | null;
}

export interface BankDetails {
  accountHolderName: string;
  /** Without spaces or hyphens, letters in capitals. */
  accountNumber: string;
  routingCode: string | null;
  country: string;
  providerAccountId: string | null;
  last4: string;
  isIban: boolean;
}

/** Official IBAN lengths of the countries payouts are likely to reach; others are checked for 15–34 characters. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AT: 20,
  BE: 16,
  CH: 21,
  CZ: 24,
  DE: 22,
  DK: 18,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HU: 28,
  IE: 22,
  IT: 27,
  LU: 20,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SK: 24,
};

const compact = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

/** ISO 13616: move the first four characters to the end, letters → 10…35, the number mod 97 must be 1. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** ABA routing number: 9 digits, 3·d1 + 7·d2 + d3 + … ≡ 0 (mod 10). */
function abaValid(digits: string): boolean {
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  return [...digits].reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 10 === 0;
}

/** @returns the normalized details, or every problem found (each names its input field). */
export function validateBankDetails(input: BankDetailsInput): { details: BankDetails } | { problems: BankDetailsProblem[] } {
  const problems: BankDetailsProblem[] = [];
  const problem = (code: BankDetailsProblemCode, field: string, message: string) => problems.push({ code, field, message });

  const accountHolderName = input.accountHolderName.trim().replace(/\s+/g, ' ');
  if (accountHolderName.length < 2 || accountHolderName.length > 140 || /[\p{Cc}]/u.test(accountHolderName)) {
    problem('INVALID_ACCOUNT_HOLDER_NAME', 'accountHolderName', 'accountHolderName must be 2 to 140 characters, as the bank knows the holder');
  }
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) problem('INVALID_COUNTRY', 'country', 'country must be an ISO 3166-1 alpha-2 code, e.g. GB or US');

  const accountNumber = compact(input.accountNumber);
  const isIban = /^[A-Z]{2}[0-9]{2}/.test(accountNumber);
  if (isIban) {
    const ibanCountry = accountNumber.slice(0, 2);
    const expected = IBAN_LENGTHS[ibanCountry];
    if (
      !/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(accountNumber) ||
      (expected !== undefined ? accountNumber.length !== expected : accountNumber.length < 15 || accountNumber.length > 34)
    ) {
      problem('INVALID_ACCOUNT_NUMBER', 'accountNumber', `an IBAN of ${ibanCountry} has ${expected ?? '15 to 34'} letters and digits`);
    } else if (!ibanChecksumValid(accountNumber)) {
      problem('INVALID_IBAN_CHECKSUM', 'accountNumber', 'the IBAN check digits do not match: a character is mistyped');
    } else if (/^[A-Z]{2}$/.test(country) && ibanCountry !== country) {
      problem('IBAN_COUNTRY_MISMATCH', 'country', `the IBAN is of ${ibanCountry}, not ${country}`);
    }
  } else if (!/^[0-9]{4,17}$/.test(accountNumber)) {
    problem('INVALID_ACCOUNT_NUMBER', 'accountNumber', 'accountNumber must be an IBAN or an account number of 4 to 17 digits');
  }

  const routingCode = input.routingCode == null || input.routingCode.trim() === '' ? null : compact(input.routingCode);
  if (routingCode !== null) {
    const sortCode = /^[0-9]{6}$/.test(routingCode);
    const aba = /^[0-9]{9}$/.test(routingCode) && abaValid(routingCode);
    const bic = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(routingCode);
    if (!sortCode && !aba && !bic) {
      problem(
        'INVALID_ROUTING_CODE',
        'routingCode',
        'routingCode must be a sort code (6 digits), an ABA routing number (9 digits) or a BIC (8 or 11 characters)',
      );
    }
  } else if (!isIban) {
    problem('ROUTING_CODE_REQUIRED', 'routingCode', 'an account number that is not an IBAN needs its routingCode (sort code or routing number)');
  }

  const providerAccountId = input.providerAccountId == null || input.providerAccountId.trim() === '' ? null : input.providerAccountId.trim();
  if (providerAccountId !== null && !/^acct_[A-Za-z0-9]{6,64}$/.test(providerAccountId)) {
    problem('INVALID_PROVIDER_ACCOUNT', 'providerAccountId', 'providerAccountId must be a Stripe connected account id (acct_…)');
  }

  if (problems.length > 0) return { problems };
  return { details: { accountHolderName, accountNumber, routingCode, country, providerAccountId, last4: accountNumber.slice(-4), isIban } };
}
