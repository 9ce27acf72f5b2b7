"""Hard limits on what a plan may hold; each error message names the limit it hit."""

from decimal import Decimal

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_METRICS = 50_000
MAX_DEPTH = 64
MAX_TEXT_LENGTH = 20_000
MAX_NAME_LENGTH = 200
MAX_ID_LENGTH = 64
MAX_FORMULA_LENGTH = 1_000
MAX_ABS_AMOUNT = Decimal(10) ** 15
#: Digits of a number that count (1,234.5 has 5; the zeros of 1,000,000 do not count).
MAX_SIGNIFICANT_DIGITS = 15
#: Decimal places of a stored number: a rate keeps at most 10 decimals of a percentage.
MAX_DECIMALS = 12
#: Characters of a number as typed, separators left out (1,000,000,000,000,000 has 16).
MAX_NUMBER_LENGTH = 64
#: Signs and parentheses nested in a formula (``-(-(a))`` is 3 deep).
MAX_FORMULA_NESTING = 50
#: TOML shapes no plan needs, refused before parsing (deep dotted keys are quadratic to parse).
MAX_KEY_PARTS = 16
MAX_NESTING = 32
#: Most cells one paste may fill (a column of a spreadsheet is a few hundred).
MAX_PASTE_CELLS = 10_000
#: Periods a stage may take to convert into the stage above (two years of months).
MAX_LAG = 24
