/** Imported (licensed) FHIR ValueSet expansions: reading, merging by URL + version, and the on-disk store the compiler resolves. */
package org.lhs.qi.terminology;
