"""Operations: every change a user can make, each one transaction with its inverse."""
