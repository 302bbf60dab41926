/**
 * CSV user import jobs: CreateUserImportJob, DescribeUserImportJob, ListUserImportJobs,
 * StartUserImportJob and StopUserImportJob (the import itself is {@link
 * dev.userpool.imports.CsvImport}; design in docs/adr/0015).
 */
package dev.userpool.operations.imports;
