/** {@code qi verify}: runs a definition against an official MADiE test deck, case by case in isolation, and lists every mismatch. */
package org.lhs.qi.verify;
