public enum PokerRulesPlaceholder {}
