// faqsearch: full-text search over help-center FAQ articles.
// Include this for everything, or only the header you need.
#pragma once

#include "faqsearch/analyzer.h"
#include "faqsearch/article.h"
#include "faqsearch/evaluation.h"
#include "faqsearch/index_writer.h"
#include "faqsearch/ingest.h"
#include "faqsearch/ranking.h"
#include "faqsearch/reader.h"
#include "faqsearch/searcher.h"
#include "faqsearch/status.h"
#include "faqsearch/version.h"
