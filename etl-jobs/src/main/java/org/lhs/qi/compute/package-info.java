/** Running compiled indicator SQL for each reporting period into {@code qi.member}. */
package org.lhs.qi.compute;
