"""Fine-tune a Japanese BERT for sentiment classification (感情分類)."""
from datasets import load_dataset
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    Trainer,
    TrainingArguments,
    set_seed,
)

MODEL_NAME = "cl-tohoku/bert-base-japanese-v3"


def main():
    set_seed(42)
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
    data = load_dataset("csv", data_files={"train": "data/processed/train.csv"})
    data = data.map(lambda b: tokenizer(b["text"], truncation=True), batched=True)
    model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=3)
    args = TrainingArguments(
        output_dir="/home/ubuntu/outputs/bert-sentiment",
        num_train_epochs=3,
        seed=42,
    )
    Trainer(model=model, args=args, train_dataset=data["train"]).train()


if __name__ == "__main__":
    main()
