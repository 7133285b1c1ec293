import { AppError } from '../../common/errors';

/**
 * An erasure refused because a legal hold covers the member or one of their reports:
 * `extensions.code` CONFLICT, `extensions.field` "legalHold". The request is recorded (PENDING)
 * and the retention job carries it out when the hold ends.
 */
export class LegalHoldError extends AppError {
  constructor() {
    super(
      'CONFLICT',
      'legalHold: this account cannot be erased yet, because its records must be kept for a legal reason for now. The request is recorded and will be carried out when that ends; a case worker can tell you more.',
      { field: 'legalHold' },
    );
  }
}
