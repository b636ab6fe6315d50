#include "index/xapian_errors.h"

#include <fmt/format.h>
#include <xapian.h>

#include <exception>
#include <new>

namespace faqsearch::detail {

Status status_from_current_exception(std::string_view context) {
  auto msg = [&](std::string_view what) { return fmt::format("{}: {}", context, what); };
  try {
    throw;
  } catch (const Xapian::DatabaseLockError& e) {
    return {ErrorCode::busy, msg("index is locked by another writer (" + e.get_description() + ")")};
  } catch (const Xapian::DatabaseVersionError& e) {
    return {ErrorCode::unsupported, msg(e.get_description())};
  } catch (const Xapian::DatabaseNotFoundError& e) {
    return {ErrorCode::not_found, msg("no index found (" + e.get_description() + ")")};
  } catch (const Xapian::DatabaseOpeningError& e) {
    return {ErrorCode::io_error, msg("cannot open index (" + e.get_description() + ")")};
  } catch (const Xapian::DatabaseCorruptError& e) {
    return {ErrorCode::corruption, msg(e.get_description())};
  } catch (const Xapian::DatabaseError& e) {
    return {ErrorCode::io_error, msg(e.get_description())};
  } catch (const Xapian::QueryParserError& e) {
    return {ErrorCode::invalid_argument, msg(e.get_description())};
  } catch (const Xapian::InvalidArgumentError& e) {
    return {ErrorCode::invalid_argument, msg(e.get_description())};
  } catch (const Xapian::Error& e) {
    return {ErrorCode::internal, msg(e.get_description())};
  } catch (const std::bad_alloc&) {
    return {ErrorCode::internal, msg("out of memory")};
  } catch (const std::exception& e) {
    return {ErrorCode::internal, msg(e.what())};
  } catch (...) {
    return {ErrorCode::internal, msg("unknown exception")};
  }
}

}  // namespace faqsearch::detail
