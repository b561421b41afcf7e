// Local stand-ins for the payment side of GridCare (domain.md §19): an online payment gateway that speaks
// the adapter's protocol, and a bank that answers withholding batch files.
export * from './gateway';
export * from './bank';
export * from './signature';
