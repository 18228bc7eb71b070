"""Words of injected spam (gambling, fake invoices, SEO tokens) that hacked government pages carry."""

from __future__ import annotations

import re

SPAM_WORDS = re.compile(
    r"博彩|赌场|娱乐城|百家乐|六合彩|时时彩|老虎机|彩票投注|体育投注|真人娱乐|棋牌游戏|澳门威尼斯人|葡京|"
    r"投资理财_理财|股票配资|网赚|代开发票|私服|外挂"
)

# Injected SEO tokens repeat their own ending after an underscore ("投资理财_理财"); removed from
# notice text before it is read, together with the spam words themselves.
SEO_TOKENS = re.compile(r"[\u4e00-\u9fff]{0,4}([\u4e00-\u9fff]{2})_\1|" + SPAM_WORDS.pattern)
