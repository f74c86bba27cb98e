/**
 * Bulk import and export of customers with their consent proof, as restartable batch jobs: a CSV
 * upload (kept encrypted in the data directory until the import ends) checked row by row by the
 * API's rules and recorded through the consent ledger; an export of the live customers to an
 * encrypted CSV file downloaded once. Counts, row numbers and ids only: never a value from a file.
 */
package app.custodian.bulk;
