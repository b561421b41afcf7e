// Local stand-ins for the outside services GridCare's notifications use (domain.md §19): an SMS gateway
// that speaks the adapter's protocol and a catch-all SMTP server.
export * from './gateway';
export * from './mail-catcher';
export * from './signature';
