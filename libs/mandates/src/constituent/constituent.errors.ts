import { DomainError, ErrorCode } from '@gc/common';

export const duplicateConstituent = (field: string) =>
  new DomainError(
    ErrorCode.DUPLICATE_CONSTITUENT,
    `A constituent with this ${field.split('.').pop()} is already registered in the delegation`,
    field,
  );

export const constituentErased = (field: string) =>
  new DomainError(ErrorCode.CONSTITUENT_ERASED, "The constituent's identity was erased; nothing more can be done with them", field);
