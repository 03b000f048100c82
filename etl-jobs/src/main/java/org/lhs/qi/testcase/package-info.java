/** Runs the test cases embedded in indicator definitions on real PostgreSQL, inside rolled-back transactions. */
package org.lhs.qi.testcase;
