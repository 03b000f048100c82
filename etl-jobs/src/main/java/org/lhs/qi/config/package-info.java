/** Typed configuration properties of the application. */
package org.lhs.qi.config;
