/** Test support that checks every rendered scorecard PDF for printed small counts. */
package org.lhs.qi.privacy;
