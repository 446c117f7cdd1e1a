package cn.certflow.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public certificate lookup (R-CERT-2: {@code GET /api/certificates/{number}} and the
 * page {@code /verify.html}) answers each source address at most
 * {@code certflow.public-lookup.requests-per-minute} times in any minute (60 by default:
 * a person checking certificates by hand never gets there; a script walking the number
 * range does), then 429 with Retry-After and a message in Chinese. Per node, in memory:
 * behind a balancer spreading requests over N nodes, a source gets up to N times the
 * limit.
 */
class PublicLookupRateLimit extends OncePerRequestFilter {

	static final String LIMITED = "证书查询过于频繁，请 {seconds} 秒后再试。(too many certificate lookups: retry after {seconds} s)";

	private final SlidingWindowLimit limit;

	PublicLookupRateLimit(int requestsPerMinute, Clock clock) {
		this.limit = new SlidingWindowLimit(requestsPerMinute, Duration.ofMinutes(1), clock);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isPublicLookup(request)) {
			Duration wait = this.limit.acquire(request.getRemoteAddr());
			if (!wait.isZero()) {
				ProblemResponse.tooManyRequests(response, wait, LIMITED);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static boolean isPublicLookup(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return RestAuthentication.ApiAuthenticationFilter.isPublic(request)
				|| ("GET".equals(request.getMethod()) && "/verify.html".equals(path));
	}

}
