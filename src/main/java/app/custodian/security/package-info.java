/**
 * Staff accounts and roles (HTTP Basic through Jakarta Security, PBKDF2 hashes, login back-off),
 * and the keys that protect personal data: AES-256-GCM field encryption and HMAC blind indexes.
 */
package app.custodian.security;
