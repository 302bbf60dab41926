/**
 * Terms documents of app clients: CreateTerms, DescribeTerms, ListTerms, UpdateTerms, DeleteTerms.
 */
package dev.userpool.operations.terms;
